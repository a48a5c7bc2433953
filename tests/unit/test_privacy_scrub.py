"""Blanking a forgotten customer in texts that stay (an owner's alert, a status note): whole words, any case."""
from vyaparai.db.models import Customer
from vyaparai.orders.privacy import scrub
from vyaparai.orders.privacy_scope import Subject


def test_the_number_the_names_and_the_address_are_blanked_as_whole_words():
    subject = Subject(store=None, customers=[Customer(name="Ravi Shankar", phone="919812345678")],
                      phones={"919812345678"}, names={"Ravi Shankar", "Om"}, addresses={"7 Lake View, Indore"})
    note = "Ravi shankar (+919812345678, or 98123 45678 / 9812345678) at 7 Lake View, Indore; Ravindra is next door"
    assert scrub(note, subject.mentions()) == (
        "[erased] (+[erased], or [erased] / [erased]) at [erased]; Ravindra is next door")


def test_a_very_short_name_is_left_alone_in_other_words():
    subject = Subject(store=None, customers=[], names={"Om"})
    assert scrub("Om Shanti, Om!", subject.mentions()) == "Om Shanti, Om!"
