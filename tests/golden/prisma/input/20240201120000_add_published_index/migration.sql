-- CreateIndex
CREATE INDEX "Post_authorId_published_idx" ON "Post"("authorId", "published");
