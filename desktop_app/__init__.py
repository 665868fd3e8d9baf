"""PeakDesk: the carbon-peak plan task desk (碳达峰任务调度考核台)."""

__version__ = "0.1.0"
APP_NAME = "PeakDesk"
