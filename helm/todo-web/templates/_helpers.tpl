{{/* Chart name, truncated to the 63 characters a DNS label allows. */}}
{{- define "todo-web.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name. */}}
{{- define "todo-web.fullname" -}}
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

{{- define "todo-web.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The recommended labels, on every object. */}}
{{- define "todo-web.labels" -}}
helm.sh/chart: {{ include "todo-web.chart" . }}
{{ include "todo-web.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/component: web
app.kubernetes.io/part-of: todo
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "todo-web.selectorLabels" -}}
app.kubernetes.io/name: {{ include "todo-web.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The Secret with AUTH_SECRET; an umbrella chart names it once in global. */}}
{{- define "todo-web.secretName" -}}
{{- $global := .Values.global | default dict }}
{{- coalesce $global.existingSecret .Values.existingSecret }}
{{- end }}

{{/* The helm test pod's labels: the chart's, but never the web pods' selector, so no Service sends it traffic. */}}
{{- define "todo-web.testLabels" -}}
helm.sh/chart: {{ include "todo-web.chart" . }}
app.kubernetes.io/name: {{ include "todo-web.name" . }}-test
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/component: web-test
app.kubernetes.io/part-of: todo
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* TRUSTED_PROXIES: trustedProxies when set, else the ingress controller's pods while the Ingress is on, else none. */}}
{{- define "todo-web.trustedProxies" -}}
{{- if .Values.trustedProxies }}
{{- .Values.trustedProxies }}
{{- else if .Values.ingress.enabled }}
{{- .Values.ingress.trustedProxies }}
{{- end }}
{{- end }}

{{/* Liberty quiesces for up to 30 s after SIGTERM; a grace period that ends sooner would cut requests off. */}}
{{- define "todo-web.shutdownCheck" -}}
{{- $needed := add .Values.shutdown.preStopSleepSeconds 30 }}
{{- if lt (int .Values.shutdown.terminationGracePeriodSeconds) (int $needed) }}
{{- fail (printf "shutdown.terminationGracePeriodSeconds must be at least %d: preStopSleepSeconds (%d) plus Liberty's 30 s quiesce" (int $needed) (int .Values.shutdown.preStopSleepSeconds)) }}
{{- end }}
{{- end }}
