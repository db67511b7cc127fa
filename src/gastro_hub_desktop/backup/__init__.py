"""Backups the user can trust: sets (one verified archive each) of the app's database, its
configuration and later n8n's exports; verification, retention, rclone upload and restore.

No Qt in here: the engine calls `service.BackupService`, the command line `backup.cli`."""
