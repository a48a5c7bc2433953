import pytest

from vyaparai.config import DEFAULT_DATABASE_URL, ConfigError, Settings


def test_defaults_run_on_sqlite_with_in_process_jobs():
    s = Settings.from_env({})
    assert s.database_url == DEFAULT_DATABASE_URL
    assert s.jobs_in_process
    assert s.payment_link_expiry_minutes == 30 and s.cart_ttl_minutes == 30


def test_postgres_url_from_a_hosting_dashboard_is_taken_through_asyncpg():
    s = Settings.from_env({"DATABASE_URL": "postgres://u:p@db.example/shop"})
    assert s.database_url == "postgresql+asyncpg://u:p@db.example/shop"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", "mysql://root@localhost/x"),
        ("REDIS_URL", "localhost:6379"),
        ("PUBLIC_BASE_URL", "shop.example"),
        ("RAZORPAY_API_BASE_URL", "ftp://x"),
        ("PAYMENT_LINK_EXPIRY_MINUTES", "10"),
        ("PAYMENT_LINK_EXPIRY_MINUTES", "half an hour"),
        ("CART_TTL_MINUTES", "0"),
        ("SECRET_KEY", "short"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_variable(variable, value):
    with pytest.raises(ConfigError) as err:
        Settings.from_env({variable: value})
    assert err.value.variable == variable
    assert variable in str(err.value)


def test_secrets_are_never_printed():
    s = Settings.from_env({"WHATSAPP_TOKEN": "EAAG-very-secret", "SECRET_KEY": "x" * 32})
    shown = dict(s.describe())
    assert shown["WHATSAPP_TOKEN"] == "set"
    assert "EAAG-very-secret" not in repr(s)
    assert "EAAG-very-secret" not in str(s.describe())
