"""``/healthz/``: the process answers (for a load balancer, and the load benchmark's baseline).

It touches neither the database nor a template: a trivial view served by the same stack.
"""

from django.http import HttpRequest, HttpResponse


def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
