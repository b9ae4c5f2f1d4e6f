"""Image uploads from outside the Wagtail admin (an association's logo, sent by any verified
account): checked by Wagtail's own image field and stored under a name we make.

The name a browser sends is never used: `x.html` that is also a valid GIF was stored as
`original_images/x.html` and served as a page of our own origin. Wagtail's field refuses an
extension that is not an allowed image format (WAGTAILIMAGES_EXTENSIONS) or that does not match
the format Willow detects, and checks the size and the pixels; the file is then renamed to a
random name ending in the detected format, so it can only ever be served as that image.
"""

import uuid

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext

from wagtail.images.fields import WagtailImageField

# Willow's format names, as the file endings browsers and nginx map to that image type.
EXTENSION_OF_FORMAT = {"jpeg": "jpg"}


def stored_name(format_name):
    """A fresh file name for an image Willow detected as `format_name` ("png", "jpeg", …)."""
    return f"{uuid.uuid4().hex}.{EXTENSION_OF_FORMAT.get(format_name, format_name)}"


class ImageUploadField(WagtailImageField):
    """Wagtail's image upload field, for forms outside the admin.

    - `max_upload_size` lowers the site-wide WAGTAILIMAGES_MAX_UPLOAD_SIZE for this field.
    - The cleaned file carries a generated name with the detected format's extension.
    - Its texts follow each request's language: Wagtail writes them once, when the field is
      made, which for a form declared at import time is the language of the import.
    """

    def __init__(self, *, max_upload_size=None, help_text=None, error_messages=None, **kwargs):
        super().__init__(**kwargs)
        if max_upload_size is not None:
            self.max_upload_size = max_upload_size
        self.help_text = help_text or lazy(self._help_text, str)()
        self.error_messages["invalid_image_extension"] = lazy(self._extension_message, str)()
        # Wagtail sets its own messages after Django applied the caller's: the caller wins.
        self.error_messages.update(error_messages or {})

    def _help_text(self):
        if self.max_upload_size is None:
            return gettext("Supported formats: %(supported_formats)s.") % {
                "supported_formats": self.supported_formats_text
            }
        return gettext(
            "Supported formats: %(supported_formats)s. Maximum filesize: %(max_upload_size)s."
        ) % {
            "supported_formats": self.supported_formats_text,
            "max_upload_size": filesizeformat(self.max_upload_size),
        }

    def _extension_message(self):
        return gettext(
            "Not a supported image format. Supported formats: %(supported_formats)s."
        ) % {"supported_formats": self.supported_formats_text}

    def check_image_file_size(self, f):
        if self.max_upload_size is not None and f.size > self.max_upload_size:
            raise ValidationError(
                self.error_messages["file_too_large"]
                % {
                    "file_size": filesizeformat(f.size),
                    "max_filesize": filesizeformat(self.max_upload_size),
                },
                code="file_too_large",
            )

    def check_image_pixel_size(self, f):
        # Willow names the format from the first bytes only; Pillow reads the file here, and
        # Wagtail lets its error through (a 500 for `GIF89a` followed by nothing sensible).
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - Pillow raises many types for a broken file
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is not None:
            upload.name = stored_name(upload.image.format_name)
        return upload
