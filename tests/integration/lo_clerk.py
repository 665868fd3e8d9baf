"""Type into a workbook in LibreOffice Calc as a clerk does (run with the system python3 that has ``uno``).

Usage: ``python3 lo_clerk.py PORT SPEC.json``. The spec names the workbook, the steps and where to save::

    {"open": "in.xlsx", "steps": [["type", "F3", "推进中"], ["unprotect", "进度填报 Progress", "peakdesk"],
     ["sort", "A3:M5", 0, false], ...], "save": [["out.xlsx", "Calc MS Excel 2007 XML"],
     ["out.xls", "MS Excel 97"]]}

Typing goes through Calc's own input handling (``.uno:GoToCell`` + ``.uno:EnterString`` on the document's
frame), exactly as keys typed into a cell: ``50%`` becomes 0.5 with a percent format in a number cell,
``=1+1`` a formula — unless the cell's format is text. This file runs outside the test's virtualenv, so it
imports nothing but ``uno`` and the standard library.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(port: int):  # noqa: ANN201 - UNO objects
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 90
    while True:
        try:
            ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
            return ctx, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def main() -> int:
    port, spec_path = int(sys.argv[1]), Path(sys.argv[2])
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    ctx, desktop = connect(port)
    dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    doc = desktop.loadComponentFromURL(Path(spec["open"]).resolve().as_uri(), "_blank", 0,
                                       (prop("Hidden", True),))
    try:
        frame = doc.getCurrentController().getFrame()
        sheets = doc.getSheets()
        for step in spec["steps"]:
            kind = step[0]
            if kind == "sheet":                       # make this sheet the active one
                doc.getCurrentController().setActiveSheet(sheets.getByName(step[1]))
            elif kind == "type":                      # go to a cell and type, as keys and Enter
                _cell, text = step[1], step[2]
                dispatcher.executeDispatch(frame, ".uno:GoToCell", "", 0, (prop("ToPoint", _cell),))
                dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0, (prop("StringName", text),))
            elif kind == "unprotect":
                sheets.getByName(step[1]).unprotect(step[2])
            elif kind == "sort":                      # sort a range by one column (0-based), as Data → Sort
                sheet = doc.getCurrentController().getActiveSheet()
                rng = sheet.getCellRangeByName(step[1])
                field = uno.createUnoStruct("com.sun.star.table.TableSortField")
                field.Field, field.IsAscending = step[2], step[3]
                rng.sort((prop("SortFields", uno.Any("[]com.sun.star.table.TableSortField", (field,))),
                          prop("ContainsHeader", False)))
            elif kind == "general_format":            # Format → Cells → General (needs the protection off)
                sheet = doc.getCurrentController().getActiveSheet()
                sheet.getCellRangeByName(step[1]).NumberFormat = 0
            elif kind == "hide_row":
                sheet = doc.getCurrentController().getActiveSheet()
                sheet.getRows().getByIndex(step[1] - 1).IsVisible = False
            else:
                raise ValueError(f"unknown step {kind}")
        for target, filter_name in spec["save"]:
            doc.storeToURL(Path(target).resolve().as_uri(), (prop("FilterName", filter_name), prop("Overwrite", True)))
    finally:
        doc.close(True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
