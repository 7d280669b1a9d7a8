"""The shipped deployment examples agree with the app's settings."""

from __future__ import annotations

import re

from upt_dashboard import paths, settings

DEPLOY = paths.DOCS_DIR / "deploy"


def test_the_proxy_refuses_bodies_over_the_apps_upload_limit():
    nginx = (DEPLOY / "nginx.conf").read_text()
    limit = re.search(r"client_max_body_size (\d+)m;", nginx)
    assert limit and limit.group(1) == settings.default("DASHBOARD_MAX_UPLOAD_MB")


def test_the_proxy_sends_security_headers_sticks_sessions_and_passes_websockets():
    nginx = (DEPLOY / "nginx.conf").read_text()
    for header in (
        "Strict-Transport-Security",
        "X-Content-Type-Options",
        "X-Frame-Options",
        "Content-Security-Policy",
        "Referrer-Policy",
    ):
        assert f"add_header {header}" in nginx
    assert "ip_hash;" in nginx  # a Streamlit session lives in one process
    # The sign-in cookie's component is framed by the app itself: same origin only.
    assert 'X-Frame-Options "SAMEORIGIN"' in nginx and "frame-ancestors 'self'" in nginx
    assert "proxy_set_header Upgrade $http_upgrade;" in nginx


def test_each_process_manager_instance_serves_one_port_of_the_upstream():
    unit = (DEPLOY / "dasbor-upt@.service").read_text()
    assert "--server.port %i" in unit and "KillMode=control-group" in unit
    nginx = (DEPLOY / "nginx.conf").read_text()
    assert re.findall(r"server 127\.0\.0\.1:(\d+);", nginx) == ["8501", "8502", "8503", "8504"]
    documented = {s.name for s in settings.SETTINGS}
    env_names = re.findall(r"^([A-Z_]+)=", (DEPLOY / "dasbor-upt.env.example").read_text(), re.M)
    assert set(env_names) <= documented
