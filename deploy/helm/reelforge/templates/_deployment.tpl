{{/*
One Deployment running `reelforge serve`. Arguments (a dict): root, component (its name suffix and
label), role (REELFORGE_NODE_ROLES), spec (replicas, resources), env (extra variables), queues
(REELFORGE_JOBS_QUEUES; empty: every pool's), tags (REELFORGE_JOBS_NODE_TAGS), autoscaled (KEDA owns
the replica count), scratchSize, nodeSelector, tolerations.
*/}}
{{- define "reelforge.deployment" -}}
{{- $ := .root }}
{{- $component := .component }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "reelforge.fullname" $ }}-{{ $component }}
  labels:
    {{- include "reelforge.labels" $ | nindent 4 }}
    app.kubernetes.io/component: {{ $component }}
spec:
  {{- if not .autoscaled }}
  replicas: {{ .spec.replicas }}
  {{- end }}
  selector:
    matchLabels:
      app.kubernetes.io/instance: {{ $.Release.Name }}
      app.kubernetes.io/component: {{ $component }}
  template:
    metadata:
      labels:
        {{- include "reelforge.labels" $ | nindent 8 }}
        app.kubernetes.io/component: {{ $component }}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: {{ $.Values.metrics.port | quote }}
        prometheus.io/path: /actuator/prometheus
    spec:
      {{- with $.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $.Values.podSecurityContext | nindent 8 }}
      # Running tasks get 30 s to finish on SIGTERM (reelforge.jobs.shutdown-grace), then are handed back.
      terminationGracePeriodSeconds: {{ if eq .role "worker" }}60{{ else }}40{{ end }}
      containers:
        - name: reelforge
          image: {{ include "reelforge.image" $ }}
          imagePullPolicy: {{ $.Values.image.pullPolicy }}
          args: ["serve"]
          ports:
            - name: http
              containerPort: 8080
            - name: management
              containerPort: {{ $.Values.metrics.port }}
          env:
            - name: REELFORGE_NODE_ROLES
              value: {{ .role | quote }}
            {{- with .queues }}
            - name: REELFORGE_JOBS_QUEUES
              value: {{ join "," . | quote }}
            {{- end }}
            {{- with .tags }}
            - name: REELFORGE_JOBS_NODE_TAGS
              value: {{ join "," . | quote }}
            {{- end }}
            - name: REELFORGE_SERVER_HOST
              value: "0.0.0.0"
            - name: REELFORGE_SERVER_PORT
              value: "8080"
            - name: MANAGEMENT_SERVER_PORT
              value: {{ $.Values.metrics.port | quote }}
            {{- if $.Values.logFormat }}
            - name: LOGGING_STRUCTURED_FORMAT_CONSOLE
              value: {{ $.Values.logFormat | quote }}
            {{- end }}
            - name: REELFORGE_DATABASE_URL
              value: {{ $.Values.database.url | quote }}
            - name: REELFORGE_DATABASE_USERNAME
              value: {{ $.Values.database.username | quote }}
            - name: REELFORGE_DATABASE_SCHEMA
              value: {{ $.Values.database.schema | quote }}
            - name: REELFORGE_DATABASE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ include "reelforge.databaseSecret" $ }}
                  key: {{ $.Values.database.passwordKey }}
            - name: REELFORGE_STORAGE_TYPE
              value: {{ $.Values.storage.type | quote }}
            - name: REELFORGE_STORAGE_WORK_ROOT
              value: /scratch/work
            - name: REELFORGE_UPLOADS_STAGING_DIR
              value: /uploads
            - name: REELFORGE_STORAGE_SIGNED_URL_TTL
              value: {{ $.Values.storage.signedUrlTtl | quote }}
            - name: REELFORGE_STORAGE_RETENTION_EXPORTS
              value: {{ $.Values.storage.retention.exports | quote }}
            - name: REELFORGE_STORAGE_RETENTION_WORK
              value: {{ $.Values.storage.retention.work | quote }}
            {{- if eq $.Values.storage.type "s3" }}
            - name: REELFORGE_STORAGE_S3_ENDPOINT
              value: {{ $.Values.storage.s3.endpoint | quote }}
            - name: REELFORGE_STORAGE_S3_REGION
              value: {{ $.Values.storage.s3.region | quote }}
            - name: REELFORGE_STORAGE_S3_BUCKET
              value: {{ $.Values.storage.s3.bucket | quote }}
            - name: REELFORGE_STORAGE_S3_PATH_STYLE
              value: {{ $.Values.storage.s3.pathStyle | quote }}
            {{- if or $.Values.storage.s3.existingSecret $.Values.storage.s3.accessKey }}
            - name: REELFORGE_STORAGE_S3_ACCESS_KEY
              valueFrom:
                secretKeyRef:
                  name: {{ default (include "reelforge.secretName" $) $.Values.storage.s3.existingSecret }}
                  key: s3-access-key
            - name: REELFORGE_STORAGE_S3_SECRET_KEY
              valueFrom:
                secretKeyRef:
                  name: {{ default (include "reelforge.secretName" $) $.Values.storage.s3.existingSecret }}
                  key: s3-secret-key
            {{- end }}
            {{- else }}
            - name: REELFORGE_STORAGE_AZURE_CONTAINER
              value: {{ $.Values.storage.azure.container | quote }}
            - name: REELFORGE_STORAGE_AZURE_CONNECTION_STRING
              valueFrom:
                secretKeyRef:
                  name: {{ default (include "reelforge.secretName" $) $.Values.storage.azure.existingSecret }}
                  key: azure-connection-string
            {{- end }}
            {{- if or $.Values.security.existingSecret $.Values.security.tokenSigningKey }}
            - name: REELFORGE_SECURITY_TOKEN_SIGNING_KEY
              valueFrom:
                secretKeyRef:
                  name: {{ default (include "reelforge.secretName" $) $.Values.security.existingSecret }}
                  key: token-signing-key
            {{- end }}
            {{- range $name, $value := $.Values.env }}
            - name: {{ $name }}
              value: {{ $value | quote }}
            {{- end }}
            {{- range $name, $value := .env }}
            - name: {{ $name }}
              value: {{ $value | quote }}
            {{- end }}
          startupProbe:
            httpGet:
              path: /actuator/health/liveness
              port: management
            periodSeconds: 5
            failureThreshold: 36
          livenessProbe:
            httpGet:
              path: /actuator/health/liveness
              port: management
            periodSeconds: 10
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /actuator/health/readiness
              port: management
            periodSeconds: 10
            failureThreshold: 3
          resources:
            {{- toYaml .spec.resources | nindent 12 }}
          volumeMounts:
            - name: scratch
              mountPath: /scratch
            - name: tmp
              mountPath: /tmp
            - name: uploads
              mountPath: /uploads
      volumes:
        - name: scratch
          emptyDir:
            sizeLimit: {{ .scratchSize }}
        - name: tmp
          emptyDir: {}
        {{- /* Chunked uploads are gathered here by api pods; see api.uploads. */}}
        {{- if and (eq .role "api") $.Values.api.uploads.existingClaim }}
        - name: uploads
          persistentVolumeClaim:
            claimName: {{ $.Values.api.uploads.existingClaim }}
        {{- else }}
        - name: uploads
          emptyDir:
            sizeLimit: {{ if eq .role "api" }}{{ $.Values.api.uploads.size }}{{ else }}1Gi{{ end }}
        {{- end }}
      {{- with .nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $.Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}
