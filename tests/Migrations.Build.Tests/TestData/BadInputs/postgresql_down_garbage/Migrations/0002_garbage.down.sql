nonsense here;
