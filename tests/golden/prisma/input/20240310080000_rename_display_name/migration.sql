-- Hand-edited: keep the data instead of Prisma's drop-and-add.
ALTER TABLE "User" RENAME COLUMN "name" TO "displayName";
UPDATE "User" SET "displayName" = split_part("email", '@', 1) WHERE "displayName" IS NULL;
ALTER TABLE "User" ALTER COLUMN "displayName" SET NOT NULL;
