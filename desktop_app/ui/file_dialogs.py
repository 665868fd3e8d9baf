"""File choosers that never open the files they list.

Qt's own file dialog asks the MIME database for each listed file's icon and type, and the MIME database
reads the first bytes of the file: it opens and closes ``desk.sqlite``, ``desk.sqlite-wal`` and
``-shm`` in the folder shown. On POSIX, closing *any* descriptor of a file drops *all* of this process's
SQLite locks on it (see ``store.db.open_database``), so after a file chooser had shown the database's
folder, the next background job (issue, merge) closing its own connection believed it was the last one,
checkpointed and deleted the WAL under the window's connection: the window kept reading a deleted WAL
(the submissions matrix never showed the merge) and would have written into it.

``install()`` replaces ``QFileDialog``'s static choosers with ones that use an icon provider answering
from the file name alone. Where the platform's own dialog is safe (Windows: locks belong to a handle,
not the process) it is kept; elsewhere Qt's dialog is used with that provider.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget

_ORIGINAL: dict[str, Any] = {}


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from the file name and kind; the file itself is never opened."""

    def icon(self, what: Any) -> QIcon:
        style = QApplication.style()
        if isinstance(what, QFileInfo):
            pixmap = QStyle.StandardPixmap.SP_DirIcon if what.isDir() else QStyle.StandardPixmap.SP_FileIcon
            return style.standardIcon(pixmap)
        kinds = {QAbstractFileIconProvider.IconType.Folder: QStyle.StandardPixmap.SP_DirIcon,
                 QAbstractFileIconProvider.IconType.Drive: QStyle.StandardPixmap.SP_DriveHDIcon,
                 QAbstractFileIconProvider.IconType.Computer: QStyle.StandardPixmap.SP_ComputerIcon,
                 QAbstractFileIconProvider.IconType.Network: QStyle.StandardPixmap.SP_DriveNetIcon,
                 QAbstractFileIconProvider.IconType.Trashcan: QStyle.StandardPixmap.SP_TrashIcon}
        return style.standardIcon(kinds.get(what, QStyle.StandardPixmap.SP_FileIcon))

    def type(self, info: QFileInfo) -> str:
        from PySide6.QtCore import QCoreApplication

        if info.isDir():
            return QCoreApplication.translate("QFileDialog", "Folder")
        suffix = info.suffix()
        return suffix.upper() if suffix else QCoreApplication.translate("QFileDialog", "File")


_PROVIDER: NameOnlyIconProvider | None = None


def provider() -> NameOnlyIconProvider:
    global _PROVIDER
    if _PROVIDER is None:
        _PROVIDER = NameOnlyIconProvider()
    return _PROVIDER


def native_is_safe() -> bool:
    return sys.platform == "win32"


def _dialog(parent: QWidget | None, caption: str, directory: str, filter_: str,
            options: QFileDialog.Option) -> QFileDialog:
    dialog = QFileDialog(parent, caption, directory, filter_)
    dialog.setOptions(options | QFileDialog.Option.DontUseNativeDialog)
    dialog.setIconProvider(provider())
    return dialog


def _run(dialog: QFileDialog, selected_filter: str) -> bool:
    if selected_filter:
        dialog.selectNameFilter(selected_filter)
    return dialog.exec() == QFileDialog.DialogCode.Accepted


def _args(args: tuple[Any, ...], kwargs: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    values = dict(zip(names, args, strict=False))
    values.update(kwargs)
    return values


def _dialog_for(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[QFileDialog, dict[str, Any]]:
    """Our dialog for a ``QFileDialog.get…FileName(s)`` call, and the call's arguments by name."""
    a = _args(args, kwargs, ("parent", "caption", "dir", "filter", "selectedFilter", "options"))
    return _dialog(a.get("parent"), a.get("caption", ""), a.get("dir", ""), a.get("filter", ""),
                   a.get("options", QFileDialog.Option(0))), a


def get_open_file_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
    if native_is_safe():
        return _ORIGINAL["getOpenFileName"](*args, **kwargs)  # type: ignore[no-any-return]
    dialog, a = _dialog_for(args, kwargs)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    ok = _run(dialog, a.get("selectedFilter", ""))
    files = dialog.selectedFiles()
    return (files[0], dialog.selectedNameFilter()) if ok and files else ("", "")


def get_open_file_names(*args: Any, **kwargs: Any) -> tuple[list[str], str]:
    if native_is_safe():
        return _ORIGINAL["getOpenFileNames"](*args, **kwargs)  # type: ignore[no-any-return]
    dialog, a = _dialog_for(args, kwargs)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    ok = _run(dialog, a.get("selectedFilter", ""))
    return (dialog.selectedFiles(), dialog.selectedNameFilter()) if ok else ([], "")


def get_save_file_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
    if native_is_safe():
        return _ORIGINAL["getSaveFileName"](*args, **kwargs)  # type: ignore[no-any-return]
    dialog, a = _dialog_for(args, kwargs)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    ok = _run(dialog, a.get("selectedFilter", ""))
    files = dialog.selectedFiles()
    return (files[0], dialog.selectedNameFilter()) if ok and files else ("", "")


def get_existing_directory(*args: Any, **kwargs: Any) -> str:
    a = _args(args, kwargs, ("parent", "caption", "dir", "options"))
    if native_is_safe():
        return _ORIGINAL["getExistingDirectory"](*args, **kwargs)  # type: ignore[no-any-return]
    options = a.get("options", QFileDialog.Option.ShowDirsOnly)
    dialog = _dialog(a.get("parent"), a.get("caption", ""), a.get("dir", ""), "", options)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    ok = _run(dialog, "")
    files = dialog.selectedFiles()
    return files[0] if ok and files else ""


REPLACEMENTS = {"getOpenFileName": get_open_file_name, "getOpenFileNames": get_open_file_names,
                "getSaveFileName": get_save_file_name, "getExistingDirectory": get_existing_directory}


def install() -> None:
    """Route every ``QFileDialog.getOpenFileName`` (…Names, getSaveFileName, getExistingDirectory) of the
    program through the choosers above. Idempotent; tests may still replace them with their own."""
    for name, replacement in REPLACEMENTS.items():
        current = QFileDialog.__dict__.get(name)
        if isinstance(current, staticmethod) and current.__func__ is replacement:
            continue
        _ORIGINAL.setdefault(name, getattr(QFileDialog, name))
        setattr(QFileDialog, name, staticmethod(replacement))
