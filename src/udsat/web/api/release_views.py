"""/api/v1/releases/: every loaded bundle, its manifest and checksums, and its bulk download."""

from __future__ import annotations

from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from udsat.web.api import bulk, releases
from udsat.web.api import serializers as shapes
from udsat.web.api.formats import PassThroughRenderer
from udsat.web.data.models import LoadBatch


def _detail(request, batch: LoadBatch, latest: int) -> dict:
    release = releases.Release(batch.id, batch.loaded_at.isoformat(timespec="seconds"),
                               batch.name, batch.dataset, batch.synthetic, batch.digest,
                               batch.id == latest)
    return {**release.as_dict(), "manifest": batch.manifest, "counts": batch.counts,
            "bulk": request.build_absolute_uri(reverse("api-release-bulk", args=[batch.id]))}


ReleaseList = type("ReleaseList", (shapes.serializers.Serializer,), {
    "count": shapes.serializers.IntegerField(),
    "results": shapes.ReleaseDetailSerializer(many=True),
})


class ReleaseListView(APIView):
    """Every release, newest first: each loaded bundle with its manifest and checksums."""

    renderer_classes = [JSONRenderer]

    @extend_schema(operation_id="releases_list", responses={200: ReleaseList})
    def get(self, request):
        latest = releases.latest_id()
        rows = [_detail(request, b, latest) for b in LoadBatch.objects.order_by("-id")]
        return Response({"count": len(rows), "results": rows})


class ReleaseDetailView(APIView):
    """One release: its manifest, checksums, counts and bulk download link."""

    renderer_classes = [JSONRenderer]

    @extend_schema(responses={200: shapes.ReleaseDetailSerializer,
                              404: OpenApiResponse(description="no such release")})
    def get(self, request, release_id: int):
        batch = LoadBatch.objects.filter(id=release_id).first()
        if batch is None:
            raise Http404(f"release {release_id} does not exist")
        return Response(_detail(request, batch, releases.latest_id()))


class ZipRenderer(PassThroughRenderer):
    media_type = "application/zip"
    format = "zip"


class BulkDownloadView(APIView):
    """The release's dataset as it stood at the release: a zip (bundle CSV + typed Parquet +
    manifest), streamed as it is written."""

    renderer_classes = [ZipRenderer]

    @extend_schema(responses={(200, "application/zip"): OpenApiTypes.BINARY,
                              404: OpenApiResponse(description="no such release")})
    def get(self, request, release_id: int):
        if not LoadBatch.objects.filter(id=release_id).exists():  # an error in JSON, not zip
            return JsonResponse({"release": [f"release {release_id} does not exist"]},
                                status=404)
        release = releases.resolve(release_id)
        response = StreamingHttpResponse(bulk.stream(release), content_type="application/zip")
        response["Content-Disposition"] = (
            f'attachment; filename="udsat-{release.dataset}-{release.tag}.zip"')
        response["X-Udsat-Release"] = str(release.id)
        return response
