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

{{/* Whether an enabled worker pool runs CPU work (one without extra tags); "true" or empty. */}}
{{- define "reelforge.anyCpuPool" -}}
{{- range $name, $pool := .Values.workerPools }}
{{- if and $pool.enabled (not $pool.tags) }}true{{ end }}
{{- end }}
{{- end -}}

{{/*
The general worker's queues (a JSON array): worker.queues less those an enabled CPU pool serves, so
that clip analysis and exports scale apart from the rest. A GPU pool (one with extra tags) takes
only the tasks that require its tags, which the general worker cannot claim anyway.
*/}}
{{- define "reelforge.generalWorkerQueues" -}}
{{- $pooled := list }}
{{- range $name, $pool := .Values.workerPools }}
{{- if and $pool.enabled (not $pool.tags) }}
{{- $pooled = concat $pooled $pool.queues }}
{{- end }}
{{- end }}
{{- $queues := list }}
{{- range $q := .Values.worker.queues }}
{{- if not (has $q $pooled) }}
{{- $queues = append $queues $q }}
{{- end }}
{{- end }}
{{- toJson $queues }}
{{- end -}}

{{/*
The KEDA PostgreSQL scaler's query for a set of workers (a dict: root, queues, tags): tasks waiting
(ready now) or running on their queues that they can run. Workers without extra tags count the
tasks that need only cpu; a pool with extra tags (gpu) counts only the tasks that require one of
them, so CPU work never scales GPU nodes.
*/}}
{{- define "reelforge.queueDepthQuery" -}}
select count(*) from {{ .root.Values.database.schema }}.task
where queue in ({{ range $i, $q := .queues }}{{ if $i }}, {{ end }}'{{ $q }}'{{ end }})
and (status = 'running' or (status = 'ready' and run_after <= now()))
{{- if .tags }}
and required_tags && array[{{ range $i, $t := .tags }}{{ if $i }}, {{ end }}'{{ $t }}'{{ end }}]::text[]
{{- else }}
and required_tags <@ array['cpu']::text[]
{{- end }}
{{- end -}}

{{/* A KEDA ScaledObject on a Deployment's queue depth (a dict: root, component, autoscaling, queues, tags). */}}
{{- define "reelforge.scaledObject" -}}
{{- $ := .root }}
{{- $a := .autoscaling }}
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: {{ include "reelforge.fullname" $ }}-{{ .component }}
  labels:
    {{- include "reelforge.labels" $ | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
spec:
  scaleTargetRef:
    name: {{ include "reelforge.fullname" $ }}-{{ .component }}
  minReplicaCount: {{ $a.minReplicas }}
  maxReplicaCount: {{ $a.maxReplicas }}
  pollingInterval: {{ $a.pollingInterval }}
  cooldownPeriod: {{ $a.cooldownPeriod }}
  triggers:
    - type: postgresql
      metadata:
        host: {{ required "database.host is required for the KEDA scaler" $.Values.database.host | quote }}
        port: {{ $.Values.database.port | quote }}
        userName: {{ $.Values.database.username | quote }}
        dbName: {{ $.Values.database.name | quote }}
        sslmode: {{ $.Values.database.sslmode | quote }}
        # Tasks waiting or running on this Deployment's queues that it can run, scaled to
        # tasksPerReplica per pod (task_claim_idx and task_lease_idx serve it).
        query: >-
          {{- include "reelforge.queueDepthQuery" (dict "root" $ "queues" .queues "tags" .tags) | nindent 10 }}
        targetQueryValue: {{ $a.tasksPerReplica | quote }}
        activationTargetQueryValue: "0"
      authenticationRef:
        name: {{ include "reelforge.fullname" $ }}-database
{{- end -}}
