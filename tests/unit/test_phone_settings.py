"""SMS and RCS settings from the environment: DLT template ids per kind, the segment budget, secrets hidden."""
import pytest

from vyaparai.config import ConfigError, Settings


def test_dlt_template_ids_are_read_per_message_kind():
    s = Settings.from_env({"SMS_DLT_ENTITY_ID": "1101000000000000001", "SMS_DLT_TEMPLATE_ALERT": "1107000000000000002",
                           "SMS_DLT_TEMPLATE_NOTIFICATION": " 1107000000000000003 "})
    assert dict(s.sms_dlt_templates) == {"alert": "1107000000000000002", "notification": "1107000000000000003"}
    assert s.sms_max_segments == 3 and s.rbm_api_base_url == "https://rcsbusinessmessaging.googleapis.com"


@pytest.mark.parametrize(("variable", "value"), [("SMS_DLT_TEMPLATE_ALERT", "order-alert"), ("SMS_MAX_SEGMENTS", "0"),
                                                 ("TWILIO_API_BASE_URL", "api.twilio.com")])
def test_a_bad_sms_setting_is_named(variable, value):
    with pytest.raises(ConfigError) as refused:
        Settings.from_env({variable: value})
    assert refused.value.variable == variable


def test_gateway_secrets_are_never_printed():
    shown = dict(Settings.from_env({"TWILIO_AUTH_TOKEN": "tw-secret", "RBM_CLIENT_TOKEN": "rbm-secret",
                                    "GUPSHUP_PASSWORD": "gs-secret"}).describe())
    assert (shown["TWILIO_AUTH_TOKEN"], shown["RBM_CLIENT_TOKEN"], shown["GUPSHUP_PASSWORD"]) == ("set",) * 3
