CREATE TABLE "action_slots" (
	"key" text PRIMARY KEY NOT NULL,
	"lease" text NOT NULL,
	"action" text NOT NULL,
	"by" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_seq" bigint NOT NULL,
	"channel" text NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"last_status" integer,
	"last_result" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_reads" (
	"user_oid" text NOT NULL,
	"event_seq" bigint NOT NULL,
	CONSTRAINT "inbox_reads_user_oid_event_seq_pk" PRIMARY KEY("user_oid","event_seq")
);
--> statement-breakpoint
CREATE TABLE "inbox_state" (
	"user_oid" text PRIMARY KEY NOT NULL,
	"read_through_seq" bigint DEFAULT 0 NOT NULL,
	"signoff_everywhere" boolean
);
--> statement-breakpoint
CREATE TABLE "leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"key" text NOT NULL,
	"event" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"publisher_id" text NOT NULL,
	"offer_id" text NOT NULL,
	"offer_name" text NOT NULL,
	"indicator" text,
	"previous_indicator" text,
	"step" jsonb,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notify_channels" (
	"channel" text PRIMARY KEY NOT NULL,
	"config_hash" text NOT NULL,
	"events" text[] NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone,
	"stop_reason" text
);
--> statement-breakpoint
CREATE TABLE "watches" (
	"user_oid" text NOT NULL,
	"publisher_id" text NOT NULL,
	"offer_id" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "watches_user_oid_publisher_id_offer_id_pk" PRIMARY KEY("user_oid","publisher_id","offer_id")
);
--> statement-breakpoint
ALTER TABLE "publishers" ADD COLUMN "version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_event_seq_notification_events_seq_fk" FOREIGN KEY ("event_seq") REFERENCES "public"."notification_events"("seq") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_reads" ADD CONSTRAINT "inbox_reads_event_seq_notification_events_seq_fk" FOREIGN KEY ("event_seq") REFERENCES "public"."notification_events"("seq") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_event_channel" ON "deliveries" USING btree ("event_seq","channel");--> statement-breakpoint
CREATE INDEX "deliveries_due" ON "deliveries" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_events_id" ON "notification_events" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_events_key" ON "notification_events" USING btree ("key");--> statement-breakpoint
CREATE INDEX "notification_events_offer" ON "notification_events" USING btree ("publisher_id","offer_id");--> statement-breakpoint
CREATE INDEX "notification_events_at" ON "notification_events" USING btree ("occurred_at");