CREATE TABLE "actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"publisher_id" text NOT NULL,
	"offer_id" text NOT NULL,
	"user_oid" text,
	"username" text,
	"role" text,
	"outcome" text NOT NULL,
	"status" integer NOT NULL,
	"code" text,
	"upstream_status" integer,
	"operation_id" text,
	"acknowledged_errors" integer
);
--> statement-breakpoint
CREATE TABLE "last_seen" (
	"user_oid" text NOT NULL,
	"publisher_id" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"previous_seen_at" timestamp with time zone,
	CONSTRAINT "last_seen_user_oid_publisher_id_pk" PRIMARY KEY("user_oid","publisher_id")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"publisher_id" text NOT NULL,
	"offer_id" text NOT NULL,
	"summary" jsonb,
	"summary_hash" text,
	"list_fetched_at" timestamp with time zone,
	"status" jsonb,
	"status_hash" text,
	"status_fetched_at" timestamp with time zone,
	"indicator" text,
	"indicator_since" timestamp with time zone,
	CONSTRAINT "offers_publisher_id_offer_id_pk" PRIMARY KEY("publisher_id","offer_id")
);
--> statement-breakpoint
CREATE TABLE "publishers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"list_fetched_at" timestamp with time zone,
	"list_error" text,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revoked_sessions" (
	"sid" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_documents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"publisher_id" text NOT NULL,
	"offer_id" text NOT NULL,
	"hash" text NOT NULL,
	"document" jsonb NOT NULL,
	"first_fetched_at" timestamp with time zone NOT NULL,
	"last_fetched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "step_times" (
	"publisher_id" text NOT NULL,
	"offer_id" text NOT NULL,
	"step_id" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "step_times_publisher_id_offer_id_step_id_pk" PRIMARY KEY("publisher_id","offer_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "store_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"publisher_id" text NOT NULL,
	"offer_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"step_id" text,
	"from_value" text,
	"to_value" text,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "actions_at" ON "actions" USING btree ("at");--> statement-breakpoint
CREATE INDEX "actions_offer" ON "actions" USING btree ("publisher_id","offer_id","at");--> statement-breakpoint
CREATE INDEX "offers_indicator" ON "offers" USING btree ("indicator");--> statement-breakpoint
CREATE UNIQUE INDEX "status_documents_offer_hash" ON "status_documents" USING btree ("publisher_id","offer_id","hash");--> statement-breakpoint
CREATE INDEX "transitions_offer_at" ON "transitions" USING btree ("publisher_id","offer_id","at");--> statement-breakpoint
CREATE INDEX "transitions_at" ON "transitions" USING btree ("at");