DROP INDEX CONCURRENTLY projects_name_idx;
