"""robots.txt, as RFC 9309 reads it: the rules of a site that gives one, all allowed when it has none."""

from __future__ import annotations

from urllib.robotparser import RobotFileParser

from flows.steps.fetch.response import Response

AGENT = "tintuc"


def rules_from(response: Response) -> RobotFileParser | str:
    """Return a site's rules from its robots.txt response, or why nothing may be fetched there this run.

    A robots.txt that is missing (4xx) allows everything; one the server fails to give (5xx)
    allows nothing until the next run.
    """
    rules = RobotFileParser()
    if response.status == 200:
        rules.parse(response.body.decode("utf-8", "replace").splitlines())
    elif 400 <= response.status < 500:
        rules.parse([])  # no robots.txt: everything is allowed
    else:
        return (
            f"its site's robots.txt answered {response.status}, so nothing is fetched there this run "
            "(RFC 9309); the next run tries again"
        )
    return rules
