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
