{{/* Chart name, truncated to the 63 characters a DNS label allows. */}}
{{- define "todo-api.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name: also the Service's DNS name, which the web server's TODO_API_URL names. */}}
{{- define "todo-api.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "todo-api.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The recommended labels, on every object. */}}
{{- define "todo-api.labels" -}}
helm.sh/chart: {{ include "todo-api.chart" . }}
{{ include "todo-api.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/component: api
app.kubernetes.io/part-of: todo
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "todo-api.selectorLabels" -}}
app.kubernetes.io/name: {{ include "todo-api.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The Secret with DATABASE_URL, AUTH_SECRET and the model keys; an umbrella chart names it once in global. */}}
{{- define "todo-api.secretName" -}}
{{- $global := .Values.global | default dict }}
{{- coalesce $global.existingSecret .Values.existingSecret }}
{{- end }}

{{/* The helm test pod's labels: the chart's, but never the api pods' selector, so no Service sends it traffic. */}}
{{- define "todo-api.testLabels" -}}
helm.sh/chart: {{ include "todo-api.chart" . }}
app.kubernetes.io/name: {{ include "todo-api.name" . }}-test
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/component: api-test
app.kubernetes.io/part-of: todo
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Liberty quiesces for up to 30 s after SIGTERM; a grace period that ends sooner would cut requests off. */}}
{{- define "todo-api.shutdownCheck" -}}
{{- $needed := add .Values.shutdown.preStopSleepSeconds 30 }}
{{- if lt (int .Values.shutdown.terminationGracePeriodSeconds) (int $needed) }}
{{- fail (printf "shutdown.terminationGracePeriodSeconds must be at least %d: preStopSleepSeconds (%d) plus Liberty's 30 s quiesce" (int $needed) (int .Values.shutdown.preStopSleepSeconds)) }}
{{- end }}
{{- end }}

{{- define "todo-api.postgresql.fullname" -}}
{{- printf "%s-postgresql" (include "todo-api.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "todo-api.postgresql.labels" -}}
helm.sh/chart: {{ include "todo-api.chart" . }}
{{ include "todo-api.postgresql.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.postgresql.image.tag | quote }}
app.kubernetes.io/component: database
app.kubernetes.io/part-of: todo
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "todo-api.postgresql.selectorLabels" -}}
app.kubernetes.io/name: {{ include "todo-api.name" . }}-postgresql
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
