-- Deployment script compiled by migc 0.1.0. Do not edit: recompile with `migc build`.
-- input: prisma migrations, fingerprint sha256:447b99be83d1efd065bbc7af9d1106a1bfeb0c33ca91153503d2f801c7c5e9bf
-- migrations: 5 · statements: 10
-- run with: psql -X -f <this file>  (ON_ERROR_STOP is set below)
\set ON_ERROR_STOP on

-- ----------------------------------------------------------------------------
-- migration 20240101090000_init (20240101090000_init/migration.sql)
-- kind: schema
BEGIN;
-- CreateEnum
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "Role" NOT NULL DEFAULT 'USER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20240115103000_add_posts (20240115103000_add_posts/migration.sql)
-- kind: schema
BEGIN;
-- CreateTable
CREATE TABLE "Post" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "authorId" INTEGER NOT NULL,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);
-- !! lock: SHARE ROW EXCLUSIVE on public."User" (blocks writes)
-- !! scan: ADD FOREIGN KEY scans public."User" to match the rows of public."Post"

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20240201120000_add_published_index (20240201120000_add_published_index/migration.sql)
-- kind: schema
-- !! lock: SHARE on public."Post" (blocks writes)
-- !! scan: CREATE INDEX scans public."Post" to build its index
-- CreateIndex
CREATE INDEX "Post_authorId_published_idx" ON "Post"("authorId", "published");

-- ----------------------------------------------------------------------------
-- migration 20240310080000_rename_display_name (20240310080000_rename_display_name/migration.sql)
-- kind: schema
BEGIN;
-- !! lock: ACCESS EXCLUSIVE on public."User" (blocks reads and writes)
-- Hand-edited: keep the data instead of Prisma's drop-and-add.
ALTER TABLE "User" RENAME COLUMN "name" TO "displayName";
-- !! irreversible: UPDATE changes rows of public."User": a rollback cannot restore the old values
UPDATE "User" SET "displayName" = split_part("email", '@', 1) WHERE "displayName" IS NULL;
-- !! lock: ACCESS EXCLUSIVE on public."User" (blocks reads and writes)
-- !! scan: SET NOT NULL scans public."User" to check every row
ALTER TABLE "User" ALTER COLUMN "displayName" SET NOT NULL;
COMMIT;

-- ----------------------------------------------------------------------------
-- migration 20240402141500_add_role_moderator (20240402141500_add_role_moderator/migration.sql)
-- kind: schema
-- !! irreversible: adds value 'MODERATOR' to enum public."Role": enum values cannot be removed
-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'MODERATOR';
