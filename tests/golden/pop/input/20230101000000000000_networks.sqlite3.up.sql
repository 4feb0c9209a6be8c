CREATE TABLE "networks" ("id" TEXT PRIMARY KEY, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL);
