"""The shared vocabulary at the bottom of the house: findings, Chinese numerals and dates,
and the recurring forms of 公文 text (附件 labels and notes).

Every other package may import from here; this package imports nothing else of ours.
"""
