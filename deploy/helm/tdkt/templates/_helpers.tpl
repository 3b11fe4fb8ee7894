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
