-- AlterTable
ALTER TABLE "audit_entry" ADD COLUMN     "api_token_id" INTEGER;

-- AddForeignKey
ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_api_token_id_fkey" FOREIGN KEY ("api_token_id") REFERENCES "api_token"("id") ON DELETE SET NULL ON UPDATE CASCADE;
