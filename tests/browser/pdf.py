"""Text and word boxes of a PDF, as poppler's pdftotext reads them."""

import re
import subprocess
from html import unescape


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def pdf_words(path):
    """Every word with its page's width: [(word, x_min, x_max, page_width), …]."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    words = []
    for page in re.finditer(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', html, re.S):
        width = float(page.group(1))
        for word in re.finditer(
            r'<word xMin="([\d.-]+)" yMin="[\d.-]+" xMax="([\d.-]+)" yMax="[\d.-]+">(.*?)</word>', page.group(2)
        ):
            words.append((unescape(word.group(3)), float(word.group(1)), float(word.group(2)), width))
    return words
