{{- define "tdkt.name" -}}{{ .Chart.Name }}{{- end -}}

{{- define "tdkt.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}{{ .Release.Name | trunc 63 | trimSuffix "-" }}{{- else -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "tdkt.labels" -}}
app.kubernetes.io/name: {{ include "tdkt.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "tdkt.selector" -}}
app.kubernetes.io/name: {{ include "tdkt.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* The env every engine container gets: the config map, then each secret key by reference. */}}
{{- define "tdkt.env" -}}
envFrom:
  - configMapRef:
      name: {{ include "tdkt.fullname" . }}-config
env:
{{- range $var, $key := .Values.secrets.keys }}
  - name: {{ $var }}
    valueFrom:
      secretKeyRef:
        name: {{ $.Values.secrets.name }}
        key: {{ $key }}
{{- end }}
{{- end -}}

{{/* The API's document signer (values.signer): TDKT_SIGNER and what its mode needs. */}}
{{- define "tdkt.signer.env" -}}
{{- $s := .Values.signer -}}
{{- if not (has $s.mode (list "local" "http" "none")) -}}
{{- fail (printf "signer.mode must be local, http or none, got %q" $s.mode) -}}
{{- end }}
- name: TDKT_SIGNER
  value: {{ $s.mode | quote }}
{{- if eq $s.mode "local" }}
- name: TDKT_SIGNING_DIR
  value: {{ $s.local.dir | quote }}
{{- else if eq $s.mode "http" }}
{{- if not $s.http.url }}
{{- fail "signer.mode=http needs signer.http.url, the province's signing service" }}
{{- end }}
- name: TDKT_SIGNER_URL
  value: {{ $s.http.url | quote }}
{{- if $s.http.tokenSecret.name }}
- name: TDKT_SIGNER_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ $s.http.tokenSecret.name }}
      key: {{ $s.http.tokenSecret.key }}
{{- end }}
{{- end }}
{{- end -}}

{{/* The API's attachment store (values.attachments): TDKT_ATTACHMENT_* and, for s3, TDKT_S3_* (keys by reference). */}}
{{- define "tdkt.attachments.env" -}}
{{- $a := .Values.attachments -}}
{{- if not (has $a.store (list "postgres" "s3")) -}}
{{- fail (printf "attachments.store must be postgres or s3, got %q" $a.store) -}}
{{- end }}
- name: TDKT_ATTACHMENT_STORE
  value: {{ $a.store | quote }}
- name: TDKT_ATTACHMENT_MAX_BYTES
  value: {{ $a.maxBytes | int64 | quote }}
{{- if eq $a.store "s3" }}
{{- if not $a.s3.bucket }}
{{- fail "attachments.store=s3 needs attachments.s3.bucket" }}
{{- end }}
- name: TDKT_S3_BUCKET
  value: {{ $a.s3.bucket | quote }}
- name: TDKT_S3_REGION
  value: {{ $a.s3.region | quote }}
{{- with $a.s3.endpoint }}
- name: TDKT_S3_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- if ne (toString $a.s3.forcePathStyle) "" }}
- name: TDKT_S3_FORCE_PATH_STYLE
  value: {{ $a.s3.forcePathStyle | toString | quote }}
{{- end }}
{{- with $a.s3.credentialsSecret }}
{{- if .name }}
- name: TDKT_S3_ACCESS_KEY_ID
  valueFrom:
    secretKeyRef:
      name: {{ .name }}
      key: {{ .accessKeyIdKey }}
- name: TDKT_S3_SECRET_ACCESS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .name }}
      key: {{ .secretAccessKeyKey }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Prometheus scrape annotations for a pod serving /metrics on the given port (values.metrics.podAnnotations). */}}
{{- define "tdkt.scrape.annotations" -}}
{{- if .root.Values.metrics.podAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: /metrics
{{- end }}
{{- end -}}

{{/* At most one autoscaler owns the worker's replicas. */}}
{{- define "tdkt.worker.autoscaled" -}}
{{- if and .Values.worker.keda.enabled .Values.worker.hpa.enabled -}}
{{- fail "worker.keda.enabled and worker.hpa.enabled: choose one autoscaler for the worker" -}}
{{- end -}}
{{- if or .Values.worker.keda.enabled .Values.worker.hpa.enabled -}}true{{- end -}}
{{- end -}}
