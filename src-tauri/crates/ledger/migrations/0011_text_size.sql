-- Each staff member's text size for the screens (standard, large, larger): several take
-- turns at one front desk, and one who needs larger text should not give it to all.
ALTER TABLE staff ADD COLUMN text_size TEXT NOT NULL DEFAULT 'standard'
    CHECK (text_size IN ('standard', 'large', 'larger'));
