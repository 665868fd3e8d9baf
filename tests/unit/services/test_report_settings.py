"""The desk's document settings live once in the database and every report reads them."""

from __future__ import annotations

import pytest

from desktop_app.errors import UsageError
from desktop_app.services import report_settings
from desktop_app.services.build_report import ReportOptions, english_region, report_meta


def test_defaults_then_settings_then_per_report_options(demo_db):
    meta = report_meta(demo_db, 1)
    assert meta.issuer.zh.endswith("领导小组办公室") and meta.recipients.zh == "各责任单位"
    assert meta.note.zh == "（此件主动公开）" and meta.cc.zh
    assert meta.issuer.en.startswith("Jiading District ")          # the district in the English issuer

    report_settings.set_settings(demo_db, issuer_zh="嘉定区双碳办", recipients_zh="各街镇，区各有关部门",
                                 cc_zh="区委办公室。", note_zh="（此件依申请公开）", contact_zh="联系人：张三，电话：12345678")
    meta = report_meta(demo_db, 1)
    assert (meta.issuer.zh, meta.recipients.zh, meta.cc.zh, meta.note.zh) == (
        "嘉定区双碳办", "各街镇，区各有关部门", "区委办公室。", "（此件依申请公开）")
    assert meta.contact.zh == "联系人：张三，电话：12345678"
    assert report_meta(demo_db, 1, ReportOptions(issuer_zh="另一机关")).issuer.zh == "另一机关"


def test_an_unknown_setting_is_refused_and_nothing_is_written(demo_db):
    before = report_settings.get_settings(demo_db)
    with pytest.raises(UsageError):
        report_settings.set_settings(demo_db, issuer_zh="新名称", colour="red")
    assert report_settings.get_settings(demo_db) == before


def test_english_region_from_the_plan_title():
    assert english_region("Jiading District Carbon Peak Implementation Plan") == "Jiading District"
    assert english_region("Guang'an City Implementation Plan") == "Guang'an City"
    assert english_region("Implementation Plan") == ""
