ALTER TYPE "public"."notification_kind" ADD VALUE 'forecast_resolved';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'forecast_due';