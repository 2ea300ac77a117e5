"""Recurring forms of 公文 text: the attachment label (附件, 附件1) and the attachment note (附件：…)."""

from __future__ import annotations

import re

_WORD = r"附\s*件\s*"
_NUMBER = r"(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})"

# a line that is an attachment label and nothing else: 附件, 附件1, 附件 2：, 附件一
ATTACHMENT_LABEL = re.compile(rf"^{_WORD}{_NUMBER}?\s*[:：]?$")
# a numbered label with the attachment's title on the same line: 附件1：某某实施细则
ATTACHMENT_LABEL_TITLE = re.compile(rf"^{_WORD}{_NUMBER}\s*[：:]\s*(?P<title>[^。；！？]{{2,60}})$")
# the head of the attachment note after the body (附件：1. …), as pattern text and compiled;
# the titles follow ``match.end()``
ATTACHMENT_NOTE_HEAD = rf"{_WORD}[:：]\s*"
ATTACHMENT_NOTE = re.compile(f"^{ATTACHMENT_NOTE_HEAD}")
