DROP TABLE billing.invoice_lines;
