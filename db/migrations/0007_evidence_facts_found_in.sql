ALTER TABLE "sites" ADD COLUMN "facts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "found_in" jsonb DEFAULT '[]'::jsonb NOT NULL;