ALTER TABLE employees ADD COLUMN departments_id bigint;

ALTER TABLE employees ADD CONSTRAINT fk_employees_departments_id FOREIGN KEY (departments_id) REFERENCES departments (id) ON DELETE SET NULL;

CREATE INDEX ix_employees_departments_id ON employees (departments_id);

CREATE TABLE employees_departments (
    employees_id integer NOT NULL,
    departments_id bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    address text,
    notes text,
    score integer,
    CONSTRAINT pk_employees_departments PRIMARY KEY (employees_id, departments_id),
    CONSTRAINT fk_employees_departments_employees_id FOREIGN KEY (employees_id) REFERENCES employees (id) ON DELETE CASCADE,
    CONSTRAINT fk_employees_departments_departments_id FOREIGN KEY (departments_id) REFERENCES departments (id) ON DELETE CASCADE
);

CREATE INDEX ix_employees_departments_departments_id ON employees_departments (departments_id);

