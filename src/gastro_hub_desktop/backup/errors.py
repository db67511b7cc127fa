"""What can go wrong with a backup or a restore, as exceptions whose text is meant for the user
(what happened, which file, what to do); the log gets the technical detail."""

from __future__ import annotations


class BackupError(Exception):
    """Base: `str(exc)` is a sentence the user can act on."""


class BackupCancelled(BackupError):
    """The user cancelled; temporary files were removed and nothing else changed."""


class DiskFull(BackupError):
    """The backups folder (or the database's folder, on restore) ran out of space."""


class SetDamaged(BackupError):
    """A set failed verification; `file` names the damaged file (archive, member or manifest)."""

    def __init__(self, message: str, file: str) -> None:
        super().__init__(message)
        self.file = file


class WrongPassphrase(BackupError):
    """An encrypted set could not be opened with the passphrase given."""


class RestoreRefused(BackupError):
    """The restore did not start (or was rolled back) and the current data is unchanged."""


class RemoteFailed(BackupError):
    """rclone could not list, read or fetch from the remote."""


class UploadFailed(RemoteFailed):
    """The set is not off-site: the upload or its read-back check failed."""


class PolicyRefused(BackupError):
    """A retention policy that cannot be used (e.g. one that keeps nothing)."""
