-- A copy of each task's tags on its own row, sorted, for reading a page of tasks in one index scan: looking the tags
-- up in task_tag for every row of a page was most of the database's time for a page of 100 (perf/HISTORY.md).
-- task_tag stays the source: filters by tag use its index, and the application writes tags only there. Triggers on
-- task_tag keep the copy right after every statement, whoever writes it.
ALTER TABLE task ADD COLUMN tags varchar(40)[] NOT NULL DEFAULT '{}';

UPDATE task t SET tags = ARRAY(SELECT g.tag FROM task_tag g WHERE g.task_id = t.id ORDER BY g.tag)
WHERE EXISTS (SELECT 1 FROM task_tag g WHERE g.task_id = t.id);

-- Once per statement, for the tasks whose tag rows it changed. A row that already holds the right copy (a new task's
-- insert writes it) is not written again. The rows of a task that the statement deleted are gone, and so skipped.
CREATE FUNCTION task_tags_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE task t SET tags = fresh.tags
    FROM (SELECT c.task_id, ARRAY(SELECT g.tag FROM task_tag g WHERE g.task_id = c.task_id ORDER BY g.tag) AS tags
          FROM (SELECT DISTINCT task_id FROM changed) c) fresh
    WHERE t.id = fresh.task_id AND t.tags IS DISTINCT FROM fresh.tags;
    RETURN NULL;
END
$$;

CREATE TRIGGER task_tag_inserted AFTER INSERT ON task_tag
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION task_tags_copy();
CREATE TRIGGER task_tag_deleted AFTER DELETE ON task_tag
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION task_tags_copy();
-- Nothing moves a tag row to another task; an update renames a tag, so the new rows name every task it touched.
CREATE TRIGGER task_tag_updated AFTER UPDATE ON task_tag
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION task_tags_copy();
