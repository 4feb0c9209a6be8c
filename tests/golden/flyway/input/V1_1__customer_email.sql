ALTER TABLE ${schema}.customers ADD COLUMN email text;
