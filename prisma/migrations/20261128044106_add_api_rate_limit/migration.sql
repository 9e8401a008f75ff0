-- CreateTable
CREATE TABLE "api_rate_limit" (
    "client_key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "api_rate_limit_pkey" PRIMARY KEY ("client_key","window_start")
);

-- CreateIndex
CREATE INDEX "api_rate_limit_window_start_idx" ON "api_rate_limit"("window_start");
