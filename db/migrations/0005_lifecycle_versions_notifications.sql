CREATE TYPE "public"."assessment_version_kind" AS ENUM('published', 'named', 'automatic');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('review_requested', 'mentioned', 'changes_requested', 'approval_stale', 'published');--> statement-breakpoint
CREATE TABLE "assessment_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" "assessment_version_kind" NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"ydoc_state" "bytea" NOT NULL,
	"html" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_versions_number_unique" UNIQUE("assessment_id","number")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"assessment_id" uuid,
	"kind" "notification_kind" NOT NULL,
	"actor_user_id" uuid,
	"judgement_id" text,
	"thread_id" uuid,
	"summary" text NOT NULL,
	"subject_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_subject_unique" UNIQUE("user_id","kind","subject_key")
);
--> statement-breakpoint
CREATE TABLE "review_requests" (
	"assessment_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_requests_assessment_id_reviewer_id_pk" PRIMARY KEY("assessment_id","reviewer_id")
);
--> statement-breakpoint
ALTER TABLE "assessment_versions" ADD CONSTRAINT "assessment_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_versions" ADD CONSTRAINT "assessment_versions_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_versions" ADD CONSTRAINT "assessment_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_versions_assessment_idx" ON "assessment_versions" USING btree ("assessment_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "review_requests_reviewer_idx" ON "review_requests" USING btree ("reviewer_id");--> statement-breakpoint
-- Hand-written: a frozen version is immutable for everyone, the application included. The only
-- changes allowed come from foreign keys, told apart from direct statements by running inside
-- the foreign key's trigger (depth > 1): the assessment's or workspace's cascade deletes its
-- versions, and a deleted user's `created_by` is cleared with nothing else changed.
CREATE FUNCTION "assessment_versions_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.created_by IS NULL AND OLD.created_by IS NOT NULL
    AND (NEW.id, NEW.workspace_id, NEW.assessment_id, NEW.number, NEW.kind, NEW.name, NEW.title, NEW.ydoc_state, NEW.html, NEW.content, NEW.created_at)
      IS NOT DISTINCT FROM (OLD.id, OLD.workspace_id, OLD.assessment_id, OLD.number, OLD.kind, OLD.name, OLD.title, OLD.ydoc_state, OLD.html, OLD.content, OLD.created_at)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'assessment_versions are immutable';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "assessment_versions_no_change" BEFORE UPDATE OR DELETE ON "assessment_versions" FOR EACH ROW EXECUTE FUNCTION "assessment_versions_immutable"();
