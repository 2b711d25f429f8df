from django.contrib import admin

from udsat.web.data.models import (
    Area,
    Indicator,
    ListStatus,
    LoadBatch,
    Observation,
    ObservationRevision,
)


@admin.register(LoadBatch)
class LoadBatchAdmin(admin.ModelAdmin):
    list_display = ("kind", "name", "file_name", "loaded_at", "loaded_by", "source_sha256")
    readonly_fields = [f.name for f in LoadBatch._meta.fields]


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality_name", "region_name", "evaluated_2018")
    list_filter = ("evaluated_2018", "region_name")
    search_fields = ("name", "slug")


admin.site.register(Indicator)
admin.site.register(Observation)
admin.site.register(ListStatus)


@admin.register(ObservationRevision)
class ObservationRevisionAdmin(admin.ModelAdmin):
    """Earlier values of revised figures, with the batch that set and the one that replaced them."""

    list_display = ("observation", "value", "absence", "batch", "superseded_by", "superseded_at")
    readonly_fields = [f.name for f in ObservationRevision._meta.fields]
