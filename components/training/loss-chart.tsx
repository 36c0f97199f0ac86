"use client";
// A run's loss (and validation AUC) per epoch, drawn as it arrives.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { EpochProgressDto } from "@/server/contracts/ml";

export function LossChart({ progress, totalEpochs }: { progress: EpochProgressDto[]; totalEpochs: number }) {
  return (
    <div className="loss-chart" aria-label="Loss per epoch">
      <ResponsiveContainer width="100%" height={160}>
        <LineChart data={progress} margin={{ top: 6, right: 12, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="#24314f" strokeDasharray="3 3" />
          <XAxis dataKey="epoch" type="number" domain={[1, Math.max(totalEpochs, 2)]} stroke="#8b98b5" fontSize={11} />
          <YAxis yAxisId="loss" stroke="#4ea1ff" fontSize={11} domain={[0, "auto"]} />
          <YAxis yAxisId="auc" orientation="right" stroke="#3ecf8e" fontSize={11} domain={[0, 1]} />
          <Tooltip contentStyle={{ background: "#111a2e", border: "1px solid #24314f" }} />
          <Line yAxisId="loss" dataKey="loss" name="loss" stroke="#4ea1ff" dot={false} isAnimationActive={false} />
          <Line
            yAxisId="auc"
            dataKey="validationAuc"
            name="validation AUC"
            stroke="#3ecf8e"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
