ALTER TABLE `identities` MODIFY `traits` JSON NOT NULL;
