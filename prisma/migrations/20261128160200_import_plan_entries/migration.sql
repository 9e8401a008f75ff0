-- CreateTable
CREATE TABLE "import_plan_entry" (
    "plan_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "entry" JSONB NOT NULL,
    "result" JSONB,

    CONSTRAINT "import_plan_entry_pkey" PRIMARY KEY ("plan_id","position")
);

-- AddForeignKey
ALTER TABLE "import_plan_entry" ADD CONSTRAINT "import_plan_entry_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "import_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand below this line: the plans kept so far move their entries (and, once committed,
-- their report rows) into rows of their own.
INSERT INTO import_plan_entry (plan_id, position, action, entry, result)
SELECT p.id, (e->>'position')::int, e->>'action', e,
       (SELECT r FROM jsonb_array_elements(coalesce(p.result->'rows', '[]'::jsonb)) r WHERE (r->>'position')::int = (e->>'position')::int LIMIT 1)
  FROM import_plan p, jsonb_array_elements(p.plan->'entries') e
ON CONFLICT DO NOTHING;

UPDATE import_plan
   SET plan = jsonb_set(plan, '{entries}', '[]'::jsonb),
       result = CASE WHEN result ? 'rows' THEN jsonb_set(result, '{rows}', '[]'::jsonb) ELSE result END;
