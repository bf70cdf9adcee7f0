-- The W3C trace context (traceparent) of the request that started a run, so that its tasks'
-- spans join that request's trace on whichever worker runs them.
alter table run add column trace_context text;
