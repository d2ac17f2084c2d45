/** The gold shapes' colour in the feedback picture and its legend (a green no class palette leans on). */
export const GOLD_COLOUR = '#16a34a';
