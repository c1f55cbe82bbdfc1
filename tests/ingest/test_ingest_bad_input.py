"""Every kind of file explorer must refuse, each with a typed error naming it."""

from __future__ import annotations

import os
import sys

import pytest

from explorer.errors import (
    BinaryFileError,
    BrokenPdfError,
    EmptyFileError,
    EncodingDetectionError,
    FileTooLargeError,
    InputFileError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from explorer.ingest import read_document
from explorer.settings import IngestOptions

OPTIONS = IngestOptions()


def _refused(path, error_type, options=OPTIONS):
    with pytest.raises(error_type) as caught:
        read_document(path, options)
    assert isinstance(caught.value, InputFileError)
    assert caught.value.path == str(path) and caught.value.reason
    return caught.value


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    _refused(path, BinaryFileError)


def test_binary_without_magic_number(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"abc\x00\x01\x02\x03def" * 50)
    _refused(path, BinaryFileError)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _refused(path, EmptyFileError)


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\n \n\t\n", encoding="utf-8")
    _refused(path, EmptyFileError)


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "garbage.txt"
    path.write_bytes(b"\xff\xfa\x80\xfe\x81\xff\x80" * 40)
    _refused(path, EncodingDetectionError)


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("本报讯" * 100, encoding="utf-8")
    error = _refused(path, FileTooLargeError, IngestOptions(max_file_bytes=100))
    assert "limit" in error.reason


def test_missing_file(tmp_path):
    _refused(tmp_path / "nope.txt", UnreadableFileError)


def test_folder_given_as_file(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    _refused(folder, UnreadableFileError)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_permissions(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("本报讯", encoding="utf-8")
    path.chmod(0)
    try:
        _refused(path, UnreadableFileError)
    finally:
        path.chmod(0o600)


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "page.docx"
    path.write_bytes(b"PK\x03\x04")
    _refused(path, UnsupportedFormatError)


def test_broken_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nstream\x00\xff garbage")
    _refused(path, BrokenPdfError)


def test_not_a_pdf_at_all(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_text("本报讯 just text", encoding="utf-8")
    _refused(path, BrokenPdfError)


def test_encrypted_pdf(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("user-secret", "owner-secret"))
    pdf.drawString(72, 720, "secret text")
    pdf.save()
    error = _refused(path, BrokenPdfError)
    assert "encrypt" in error.reason


def test_pdf_without_text_layer(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(72, 72, 300, 400, fill=1)
    pdf.save()
    error = _refused(path, BrokenPdfError)
    assert "text" in error.reason


def test_read_error_is_reported_as_unreadable(tmp_path, monkeypatch):
    """Works as root too: the OS refuses the read itself."""
    from pathlib import Path

    path = tmp_path / "locked.txt"
    path.write_text("本报讯", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    error = _refused(path, UnreadableFileError)
    assert "Permission denied" in error.reason
