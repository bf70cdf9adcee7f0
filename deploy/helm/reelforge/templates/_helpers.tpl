{{/* Names and labels shared by every manifest. */}}
{{- define "reelforge.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "reelforge.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "reelforge.image" -}}
{{ .Values.image.repository }}:{{ default .Chart.AppVersion .Values.image.tag }}
{{- end -}}

{{- define "reelforge.secretName" -}}
{{ include "reelforge.fullname" . }}-secrets
{{- end -}}

{{/* The database password Secret: the operator's, or the chart's own. */}}
{{- define "reelforge.databaseSecret" -}}
{{ default (include "reelforge.secretName" .) .Values.database.existingSecret }}
{{- end -}}

{{/* Values the chart cannot work without; checked before anything renders. */}}
{{- define "reelforge.checks" -}}
{{- if not .Values.database.url }}
{{- fail "database.url is required: an external PostgreSQL (jdbc:postgresql://HOST:5432/DB)" }}
{{- end }}
{{- if not (has .Values.storage.type (list "s3" "azure")) }}
{{- fail "storage.type must be s3 or azure: pods cannot share a local folder" }}
{{- end }}
{{- if and (eq .Values.storage.type "s3") (not .Values.storage.s3.bucket) }}
{{- fail "storage.s3.bucket is required when storage.type is s3" }}
{{- end }}
{{- if and (eq .Values.storage.type "azure") (not .Values.storage.azure.container) }}
{{- fail "storage.azure.container is required when storage.type is azure" }}
{{- end }}
{{- end -}}
