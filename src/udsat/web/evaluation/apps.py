from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "udsat.web.evaluation"
    label = "evaluation"
    verbose_name = "Følgeevalueringen"
    default_auto_field = "django.db.models.BigAutoField"
