"""The pipeline's sizes come from VYAPARAI_* variables; a bad value stops start-up naming the variable."""
import pytest

from vyaparai.workers.pipeline_settings import PipelineSettings


def test_unset_variables_give_the_defaults_and_set_ones_are_read():
    assert PipelineSettings.from_env({}) == PipelineSettings()
    read = PipelineSettings.from_env({"VYAPARAI_QUEUE_SIZE": "50", "VYAPARAI_CONSUMERS": " 2 ",
                                      "VYAPARAI_SEND_RATE": "12.5"})
    assert (read.queue_size, read.consumers, read.send_rate) == (50, 2, 12.5)


@pytest.mark.parametrize(("name", "value"), [("VYAPARAI_CONSUMERS", "many"), ("VYAPARAI_QUEUE_SIZE", "0"),
                                             ("VYAPARAI_SEND_RATE", "-80"), ("VYAPARAI_SENDERS", "1.5")])
def test_a_bad_value_is_refused_with_the_variables_name(name, value):
    with pytest.raises(ValueError, match=name):
        PipelineSettings.from_env({name: value})
