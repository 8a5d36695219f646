-- The tasks page asks on every view for the open tasks whose reminder time has come (?reminder=due).
-- Only those rows are indexed: open tasks with a reminder.
CREATE INDEX task_reminders_due_idx ON task (owner_id, remind_at) WHERE remind_at IS NOT NULL AND completed = false;
