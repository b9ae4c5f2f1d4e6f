"""Validators for Finnish association identifiers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
BUSINESS_ID_FORMAT = re.compile(r"^(\d{6,7})-(\d)$")
REGISTRY_NUMBER_FORMAT = re.compile(r"^\d{1,3}(\.?\d{3})?$")


def business_id_check_digit(digits):
    """The check digit of the seven digits of a Y-tunnus, or None when none is valid."""
    remainder = sum(int(d) * w for d, w in zip(digits, BUSINESS_ID_WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def normalise_business_id(value):
    """'123456-7' → '0123456-7' (old IDs had six digits); whitespace removed."""
    value = (value or "").strip().replace(" ", "")
    match = BUSINESS_ID_FORMAT.match(value)
    if match and len(match.group(1)) == 6:
        return f"0{match.group(1)}-{match.group(2)}"
    return value


def validate_business_id(value):
    """A Finnish business ID (Y-tunnus): seven digits, a hyphen and a valid check digit."""
    match = BUSINESS_ID_FORMAT.match(normalise_business_id(value))
    if not match:
        raise ValidationError(
            _("Enter the business ID as seven digits, a hyphen and a check digit, e.g. 1234567-1."),
            code="format",
        )
    digits, check = match.group(1).zfill(7), int(match.group(2))
    expected = business_id_check_digit(digits)
    if expected is None or expected != check:
        raise ValidationError(
            _("The check digit of this business ID does not match. Check the number."),
            code="check_digit",
        )


def normalise_registry_number(value):
    """'123 456' or '123456' → '123.456', the form the register prints."""
    value = (value or "").strip().replace(" ", "")
    digits = value.replace(".", "")
    if digits.isdigit() and len(digits) > 3:
        return f"{int(digits[:-3])}.{digits[-3:]}"
    return value


def validate_registry_number(value):
    if not REGISTRY_NUMBER_FORMAT.match(normalise_registry_number(value)):
        raise ValidationError(
            _("Enter the association register number as digits, e.g. 123.456."),
            code="format",
        )
